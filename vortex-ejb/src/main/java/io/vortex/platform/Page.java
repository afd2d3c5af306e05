package io.vortex.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a larger result: the items asked for and how many there are in all. */
public record Page<T>(List<T> items, long totalEntries) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), totalEntries);
    }
}
