package dev.tollgate.admin.audit;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who made a change and from where, as the audit log records it.
 *
 * @param name the admin user's email, or {@code system}
 * @param remoteAddress the client's address as this service saw it; {@code null} for the service's own changes
 */
public record Actor(String name, @Nullable String remoteAddress) {

    public static Actor of(String name, ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress();
        return new Actor(name, address);
    }

    public static Actor system() {
        return new Actor("system", null);
    }
}
