package dev.parley.conversation;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
