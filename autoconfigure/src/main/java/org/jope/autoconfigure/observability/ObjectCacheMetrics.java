package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.jope.core.store.ObjectCache;

/**
 * The object cache: lookups by result and objects held. A falling hit ratio means hot reads reach the database;
 * the names follow Micrometer's cache meters, under jope.
 */
class ObjectCacheMetrics implements MeterBinder {

    private final ObjectCache cache;

    ObjectCacheMetrics(ObjectCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("jope.cache.gets", cache, (objects) -> objects.stats().hitCount())
                .tag("result", "hit").description("Object lookups served from the cache").register(registry);
        FunctionCounter.builder("jope.cache.gets", cache, (objects) -> objects.stats().missCount())
                .tag("result", "miss").description("Object lookups that went to the database").register(registry);
        Gauge.builder("jope.cache.size", cache, ObjectCache::size)
                .description("Objects in the cache now (an estimate)").baseUnit("objects").register(registry);
    }

}
