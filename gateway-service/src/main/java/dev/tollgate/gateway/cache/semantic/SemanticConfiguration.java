package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.routing.Router;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The semantic cache's parts: its scheduler, the embedder ({@code embedding-model} names an embeddings route, else the
 * in-process MiniLM), the in-process index over Redis. Once the gateway is ready the index is rebuilt from Redis and
 * follows other instances' additions; the MiniLM model is loaded then too when the semantic cache is on by default
 * (otherwise on first use).
 */
@Configuration(proxyBeanMethods = false)
class SemanticConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SemanticConfiguration.class);

    @Bean
    EmbeddingScheduler embeddingScheduler(SemanticProperties properties) {
        return new EmbeddingScheduler(properties.embeddingThreads());
    }

    @Bean
    PromptEmbedder promptEmbedder(SemanticProperties properties, EmbeddingScheduler scheduler, Router router) {
        if (properties.embeddingModel().isBlank()) {
            return new MiniLmEmbedder(scheduler.scheduler());
        }
        return new RoutedEmbedder(router, properties.embeddingModel(), scheduler.scheduler());
    }

    @Bean
    LocalSemanticIndex localSemanticIndex(
            BlockingRedis redis, EmbeddingScheduler scheduler, SemanticProperties properties, MeterRegistry registry) {
        var index = new LocalSemanticIndex(
                new SemanticEntries(redis, properties.maxEntries()), scheduler.scheduler(), properties);
        Gauge.builder("tollgate.cache.semantic.entries", index, LocalSemanticIndex::size)
                .register(registry);
        return index;
    }

    @Bean
    SemanticCache semanticCache(
            PromptEmbedder embedder, LocalSemanticIndex index, SemanticProperties properties, MeterRegistry registry) {
        return new SemanticCache(embedder, index, properties, registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(LocalSemanticIndex.class).start();
        SemanticProperties properties = context.getBean(SemanticProperties.class);
        if (properties.enabled() && context.getBean(PromptEmbedder.class) instanceof MiniLmEmbedder miniLm) {
            miniLm.load().subscribe(loaded -> {}, failure -> log.error("MiniLM model not loaded", failure));
        }
    }
}
