// The buffer behind Stream.builder() and mapMulti.
package java.util.stream;

import java.util.ArrayList;
import java.util.function.Consumer;

final class SpinedBuffer<T> implements Stream.Builder<T>, Consumer<T> {
    private ArrayList<T> items = new ArrayList<>();
    private boolean built;

    public void accept(T t) {
        if (built) {
            throw new IllegalStateException();
        }
        items.add(t);
    }

    public Stream<T> build() {
        if (built) {
            throw new IllegalStateException();
        }
        built = true;
        return stream();
    }

    Stream<T> stream() {
        return StreamSupport.stream(java.util.Spliterators.spliterator(items.toArray(),
                java.util.Spliterator.ORDERED), false);
    }
}
