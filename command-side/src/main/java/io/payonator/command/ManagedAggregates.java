package io.payonator.command;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The aggregates a unit of work has loaded, by identifier, that also answers "is this instance
 * managed?" in constant time. Axon asks that at every nested commit with
 * {@code Map.containsValue}, a scan of every aggregate in the unit of work: quadratic when one
 * unit of work holds thousands of clients, as a bulk import chunk does.
 */
final class ManagedAggregates<V> extends AbstractMap<String, V> {

    private final Map<String, V> byIdentifier = new HashMap<>();
    private final Map<V, Integer> instances = new IdentityHashMap<>();

    @Override
    public V get(Object key) {
        return byIdentifier.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return byIdentifier.containsKey(key);
    }

    @Override
    @SuppressWarnings("SuspiciousMethodCalls")
    public boolean containsValue(Object value) {
        return instances.containsKey(value);
    }

    @Override
    public V put(String key, V value) {
        V previous = byIdentifier.put(key, value);
        forget(previous);
        remember(value);
        return previous;
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V existing = byIdentifier.get(key);
        return existing != null ? existing : put(key, value);
    }

    @Override
    public V computeIfAbsent(String key, Function<? super String, ? extends V> mappingFunction) {
        V existing = byIdentifier.get(key);
        if (existing != null) {
            return existing;
        }
        V created = mappingFunction.apply(key);
        if (created != null) {
            put(key, created);
        }
        return created;
    }

    @Override
    public V remove(Object key) {
        V removed = byIdentifier.remove(key);
        forget(removed);
        return removed;
    }

    @Override
    public void clear() {
        byIdentifier.clear();
        instances.clear();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return Collections.unmodifiableMap(byIdentifier).entrySet();
    }

    private void remember(V value) {
        if (value != null) {
            instances.merge(value, 1, Integer::sum);
        }
    }

    private void forget(V value) {
        if (value != null) {
            instances.computeIfPresent(value, (instance, count) -> count == 1 ? null : count - 1);
        }
    }
}
