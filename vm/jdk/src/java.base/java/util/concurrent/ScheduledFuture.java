// A delayed result-bearing action that can be cancelled.
package java.util.concurrent;

public interface ScheduledFuture<V> extends Delayed, Future<V> {
}
