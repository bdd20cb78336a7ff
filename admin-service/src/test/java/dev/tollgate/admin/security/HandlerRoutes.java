package dev.tollgate.admin.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** The routes the service actually serves, read from its request-mapping handler mappings. */
final class HandlerRoutes {

    private HandlerRoutes() {}

    /** {@code METHOD /path} of every handler method in a {@code dev.tollgate} package, as declared. */
    static List<String> of(ApplicationContext context) {
        List<String> routes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (handler.getBeanType().getPackageName().startsWith("dev.tollgate")) {
                    routes.addAll(routesOf(info));
                }
            });
        }
        return routes;
    }

    private static List<String> routesOf(RequestMappingInfo info) {
        List<String> routes = new ArrayList<>();
        for (var method : info.getMethodsCondition().getMethods()) {
            for (var pattern : info.getPatternsCondition().getPatterns()) {
                routes.add(method.name() + " " + pattern.getPatternString());
            }
        }
        return routes;
    }
}
