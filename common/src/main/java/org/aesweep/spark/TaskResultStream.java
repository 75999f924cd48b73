package org.aesweep.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.RDD;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs one Spark job and hands each task's results to the calling thread as the task ends, not
 * when the whole job does: the driver commits finished runs while others still train, so a driver
 * that dies loses only the runs in flight. Spark reports one result per partition, however many
 * attempts its task took. The handler runs on the calling thread; Spark's scheduler thread only
 * queues results.
 */
public final class TaskResultStream {
    private static final long POLL_MILLIS = 200;

    private TaskResultStream() {
    }

    /**
     * Maps every element of {@code rdd} with {@code task} on the executors and passes the results of
     * each batch of finished tasks, in the order they finished, to {@code onResults}. Returns when
     * the job has ended and every result was handled; a failed job, or a handler that throws,
     * cancels the job and throws.
     */
    public static <T, R> void forEach(JavaRDD<T> rdd, Function<T, R> task, Consumer<List<R>> onResults) {
        BlockingQueue<List<R>> finished = new LinkedBlockingQueue<>();
        SparkContext sc = rdd.context();
        RDD<T> scalaRdd = rdd.rdd();
        List<Object> partitions = new ArrayList<>();
        IntStream.range(0, scalaRdd.getNumPartitions()).forEach(partitions::add);
        SimpleFutureAction<BoxedUnit> job = sc.submitJob(scalaRdd, new PartitionTask<>(task),
                JavaConverters.asScalaBufferConverter(partitions).asScala().toSeq(), new Enqueue<>(finished),
                new Unit());
        try {
            while (true) {
                List<R> first = finished.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                // A task's result is queued before the job counts the task as done.
                boolean ended = first == null && job.isCompleted();
                List<List<R>> batches = new ArrayList<>();
                if (first != null) {
                    batches.add(first);
                }
                finished.drainTo(batches);
                List<R> results = new ArrayList<>();
                batches.forEach(results::addAll);
                if (!results.isEmpty()) {
                    onResults.accept(results);
                }
                if (ended && finished.isEmpty()) {
                    break;
                }
            }
            job.get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the job's tasks", e);
        } catch (RuntimeException e) {
            job.cancel();
            throw e;
        } catch (Exception e) {
            // job.get() declares Scala's checked exceptions: the job failed.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The task's body: the partition's elements mapped one by one. */
    private static final class PartitionTask<T, R> extends AbstractFunction1<scala.collection.Iterator<T>, List<R>>
            implements Serializable {
        private final Function<T, R> task;

        PartitionTask(Function<T, R> task) {
            this.task = task;
        }

        @Override
        public List<R> apply(scala.collection.Iterator<T> elements) {
            List<R> results = new ArrayList<>();
            try {
                while (elements.hasNext()) {
                    results.add(task.call(elements.next()));
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return results;
        }
    }

    private static final class Enqueue<R> extends AbstractFunction2<Object, List<R>, BoxedUnit> {
        private final BlockingQueue<List<R>> queue;

        Enqueue(BlockingQueue<List<R>> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object partition, List<R> results) {
            queue.add(results);
            return BoxedUnit.UNIT;
        }
    }

    private static final class Unit extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
