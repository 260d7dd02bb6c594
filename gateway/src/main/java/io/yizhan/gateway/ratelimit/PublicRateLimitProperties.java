package io.yizhan.gateway.ratelimit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yizhan.gateway.public-rate-limit.*}.
 *
 * @param paths              path patterns of the anonymous endpoints it applies to
 * @param perSecond          sustained requests per second per client
 * @param burst              requests a client may make at once
 * @param maxClients         clients tracked at most (beyond, new clients pass and are counted)
 * @param trustForwardedFor  take the client from X-Forwarded-For's first address; only behind a
 *                           proxy or ingress that sets it, or anyone could pose as anyone
 */
@ConfigurationProperties("yizhan.gateway.public-rate-limit")
public record PublicRateLimitProperties(
    boolean enabled, List<String> paths, double perSecond, int burst, int maxClients, boolean trustForwardedFor) {}
