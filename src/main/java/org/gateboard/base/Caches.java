package org.gateboard.base;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Sizes and expiry of this node's in-memory caches, all in one place: {@code gateboard.cache.<name>} in
 * application.properties, each a Caffeine specification such as {@code maximumSize=50000,expireAfterWrite=2s}.
 * Every spec is checked at start-up, and a feature asking for a cache without one stops the start.
 */
@ConfigurationProperties("gateboard")
public record Caches(Map<String, String> cache) {

    public Caches {
        cache = cache == null ? Map.of() : Map.copyOf(cache);
        cache.forEach((name, spec) -> {
            try {
                CaffeineSpec.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("gateboard.cache." + name + " is not a Caffeine spec: " + spec, e);
            }
        });
    }

    /** A new cache sized and timed by {@code gateboard.cache.<name>}. */
    public <K, V> Cache<K, V> build(String name) {
        String spec = cache.get(name);
        if (spec == null) {
            throw new IllegalStateException("Set gateboard.cache." + name + " (a Caffeine spec) in application.properties");
        }
        return Caffeine.from(spec).build();
    }
}
