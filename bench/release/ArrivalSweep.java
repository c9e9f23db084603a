import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: flows arrive at random (Poisson) moments at a given rate, whether or not earlier
 * ones have finished, and each flow's time runs from its planned arrival (so a late start counts
 * against the server, not in its favour). The sweep raises the rate step by step and reports the
 * highest rate whose p99 stayed under the limit.
 */
final class ArrivalSweep {

    /** One flow; throws when it could not be done (that arrival then counts as over the limit). */
    interface Flow {
        void run(int arrival) throws Exception;
    }

    /** Called before each step with the number of arrivals it will have, to prepare what they use. */
    interface Preparation {
        void prepare(int arrivals) throws Exception;
    }

    record Step(double rate, int arrivals, int failed, double p99Millis) {
    }

    private final double limitMillis;
    private final double seconds;
    private final Random random = new Random(7);

    ArrivalSweep(double limitMillis, double seconds) {
        this.limitMillis = limitMillis;
        this.seconds = seconds;
    }

    /** Rates from {@code first}, each 1.5 times the last, until one fails; returns the steps run. */
    List<Step> sweep(String name, double first, double highest, Preparation preparation, Flow flow) throws Exception {
        List<Step> steps = new ArrayList<>();
        for (double rate = first; rate <= highest; rate *= 1.5) {
            int arrivals = (int) Math.round(rate * seconds);
            preparation.prepare(arrivals);
            Step step = run(rate, arrivals, flow);
            steps.add(step);
            ReleaseLatency.say(String.format("%s at %.1f/s: %d arrivals, %d failed, p99 %.1f ms", name, rate, arrivals,
                    step.failed(), step.p99Millis()));
            if (!passed(step)) {
                break;
            }
        }
        return steps;
    }

    boolean passed(Step step) {
        return step.failed() == 0 && step.p99Millis() < limitMillis;
    }

    /** The highest passing rate of a sweep, 0 when even the first failed. */
    double highestPassing(List<Step> steps) {
        return steps.stream().filter(this::passed).mapToDouble(Step::rate).max().orElse(0);
    }

    private Step run(double rate, int arrivals, Flow flow) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        var failed = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService flows = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            double at = 0;
            for (int i = 0; i < arrivals; i++) {
                at += -Math.log(1 - random.nextDouble()) / rate;
                long planned = start + (long) (at * 1e9);
                for (long wait; (wait = planned - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                int arrival = i;
                flows.submit(() -> {
                    try {
                        flow.run(arrival);
                        nanos.add(System.nanoTime() - planned);
                    } catch (Exception | Error e) {
                        failed.incrementAndGet();
                        ReleaseLatency.say("arrival " + arrival + " failed: " + e);
                    }
                    return null;
                });
            }
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p99 = sorted.isEmpty() ? Double.POSITIVE_INFINITY
                : sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1)) / 1e6;
        return new Step(rate, arrivals, failed.get(), p99);
    }
}
