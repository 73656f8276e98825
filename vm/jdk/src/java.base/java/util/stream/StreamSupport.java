// Creates streams from spliterators.
package java.util.stream;

import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;

public final class StreamSupport {
    private StreamSupport() {
    }

    public static <T> Stream<T> stream(Spliterator<T> spliterator, boolean parallel) {
        Objects.requireNonNull(spliterator);
        return new RefPipe<>(new Pipes.Shared(parallel), () -> Spliterators.iterator(spliterator),
                spliterator.hasCharacteristics(Spliterator.SIZED) ? spliterator::getExactSizeIfKnown : null);
    }

    public static <T> Stream<T> stream(Supplier<? extends Spliterator<T>> supplier, int characteristics,
            boolean parallel) {
        Objects.requireNonNull(supplier);
        Spliterator<T>[] bound = new Spliterator[1];
        Supplier<Spliterator<T>> once = () -> bound[0] != null ? bound[0] : (bound[0] = supplier.get());
        return new RefPipe<>(new Pipes.Shared(parallel), () -> Spliterators.iterator(once.get()),
                (characteristics & Spliterator.SIZED) != 0 ? () -> once.get().getExactSizeIfKnown() : null);
    }

    public static IntStream intStream(Spliterator.OfInt spliterator, boolean parallel) {
        Objects.requireNonNull(spliterator);
        return new IntPipe(new Pipes.Shared(parallel), () -> Spliterators.iterator(spliterator),
                spliterator.hasCharacteristics(Spliterator.SIZED) ? spliterator::getExactSizeIfKnown : null);
    }

    public static LongStream longStream(Spliterator.OfLong spliterator, boolean parallel) {
        Objects.requireNonNull(spliterator);
        return new LongPipe(new Pipes.Shared(parallel), () -> Spliterators.iterator(spliterator),
                spliterator.hasCharacteristics(Spliterator.SIZED) ? spliterator::getExactSizeIfKnown : null);
    }

    public static DoubleStream doubleStream(Spliterator.OfDouble spliterator, boolean parallel) {
        Objects.requireNonNull(spliterator);
        return new DoublePipe(new Pipes.Shared(parallel), () -> Spliterators.iterator(spliterator),
                spliterator.hasCharacteristics(Spliterator.SIZED) ? spliterator::getExactSizeIfKnown : null);
    }
}
