package org.jope.autoconfigure.observability;

import java.util.ArrayList;
import java.util.List;

/** The latest activity samples in a fixed ring: the oldest falls out as a new one comes in. */
public class ActivityHistory {

    private final ActivitySample[] ring;

    private int next;

    private int size;

    public ActivityHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An activity history holds at least one sample");
        }
        this.ring = new ActivitySample[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized void add(ActivitySample sample) {
        ring[next] = sample;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The samples held now, oldest first. */
    public synchronized List<ActivitySample> samples() {
        List<ActivitySample> samples = new ArrayList<>(size);
        int oldest = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            samples.add(ring[(oldest + i) % ring.length]);
        }
        return samples;
    }

}
