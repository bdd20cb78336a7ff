package dev.tollgate.gateway.testing;

import dev.tollgate.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test Redis that a test can cut and restore, to see what the gateway does while Redis is
 * unreachable and after it comes back, without stopping the Redis other tests share.
 */
public final class RedisProxy implements AutoCloseable {

    private final URI redis = URI.create(TestInfrastructure.redisUri());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket server;

    public RedisProxy() {
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** The URI the gateway should use. */
    public String uri() {
        // Keeps the database index of the test Redis (redis://host:port/2), so tests isolated by index still see it.
        String path = redis.getPath() == null ? "" : redis.getPath();
        return "redis://127.0.0.1:" + port + path;
    }

    /** Drops every connection and refuses new ones, as a Redis outage does. */
    public void cut() {
        closeQuietly(server);
        sockets.forEach(RedisProxy::closeQuietly);
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public void restore() {
        server = bind(port);
        accept(server);
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket listening) {
        Thread.ofPlatform().daemon().name("redis-proxy-accept").start(() -> {
            while (!listening.isClosed()) {
                try {
                    relay(listening.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void relay(Socket client) throws IOException {
        Socket upstream = new Socket(redis.getHost(), redis.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("redis-proxy-pump").start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // one side went away; closing both ends the other pump too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return socket;
        } catch (IOException failure) {
            throw new IllegalStateException("cannot listen on port " + port, failure);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
