package io.signaldesk.deploy;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order the process-level ITs are handed to JUnit (failsafe's junit.jupiter.testclass.order.default), so that the
 * module ends soon after its longest class does. Two classes run at a time, and JUnit's fork-join pool takes them from
 * both ends of this list: one worker runs the last class first and works backwards, the other steals from the front.
 * So the longest (KafkaTransportIT: three kill -9 restarts of the decision service) is first, the second longest
 * (KafkaAnalysisIT) last, and the rest go in between so that both ends add up to about as much. A class not named
 * here goes to the end (so one worker starts with it). The durations: CI, two at a time, 2026-12-07 (KafkaTransportIT:
 * passing runs here, alone).
 */
public final class ItOrder implements ClassOrderer {

    static final List<Class<?>> ORDER = List.of(
            KafkaTransportIT.class, // 50-90 s
            PostgresLedgerIT.class, // 16 s
            CaptureParityIT.class, // 13 s
            KafkaBrokerIT.class, // 18 s
            EndToEndIT.class, // 40 s
            KafkaAnalysisIT.class); // 46 s

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(d -> rank(d.getTestClass())));
    }

    private static int rank(Class<?> test) {
        int rank = ORDER.indexOf(test);
        return rank < 0 ? ORDER.size() : rank;
    }
}
