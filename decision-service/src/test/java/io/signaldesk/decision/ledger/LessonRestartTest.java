package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.ledger.LessonRepository.Draft;
import io.signaldesk.decision.ledger.LessonRepository.Version;
import io.signaldesk.decision.lessons.Lesson;
import io.signaldesk.decision.lessons.Lesson.Status;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * Lessons survive a restart (a kill -9 included: each change is one committed transaction): proposals, the accepted
 * set and its versions, rejections and drafts, read back by a new repository on the same ledger, migrated again as
 * at a start. SQLite always; PostgreSQL when installed (the same portable migration, V14).
 */
class LessonRestartTest {

    private static final Instant T0 = Instant.parse("2026-12-07T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void lessonsAndTheirVersionsOnSqliteSurviveARestart() {
        lessonsAndTheirVersionsSurviveARestart(RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void lessonsAndTheirVersionsOnPostgresSurviveARestart() {
            lessonsAndTheirVersionsSurviveARestart(RestartLedger.postgres("lessons"));
        }
    }

    private static void lessonsAndTheirVersionsSurviveARestart(RestartLedger ledger) {
        LessonRepository first = repository(ledger);
        List<Lesson> stored = first.propose(List.of(lesson("Skip SOL longs after a 5-minute rise: they lost after costs."),
                lesson("Skip BTC shorts: 18 calls netted -0.36 % a call."), lesson("Hold ETH longs that move your way.")));
        assertEquals(List.of(1L, 2L, 3L), stored.stream().map(Lesson::id).toList());
        Version v1 = first.decide(1, Status.PROPOSED, Status.ACCEPTED, T0.plusSeconds(60), true, "accepted lesson 1").orElseThrow();
        Version v2 = first.decide(2, Status.PROPOSED, Status.ACCEPTED, T0.plusSeconds(120), true, "accepted lesson 2").orElseThrow();
        first.decide(3, Status.PROPOSED, Status.REJECTED, T0.plusSeconds(130), false, "rejected lesson 3").orElseThrow();
        Version v3 = first.decide(1, Status.ACCEPTED, Status.RETIRED, T0.plusSeconds(180), true, "removed lesson 1").orElseThrow();
        assertTrue(first.decide(1, Status.ACCEPTED, Status.RETIRED, T0.plusSeconds(181), true, "again").isEmpty(),
                "a second remove changes nothing");
        first.drafted(new Draft(T0, T0.minusSeconds(30), "DRAFTED", 3, null));
        assertEquals(List.of(1L), v1.lessonIds());
        assertEquals(List.of(1L, 2L), v2.lessonIds());

        LessonRepository second = repository(ledger);
        assertEquals(v3, second.current());
        assertEquals(3, second.current().version());
        assertEquals(List.of(2L), second.current().lessonIds());
        assertEquals(List.of(3, 2, 1), second.versions(10).stream().map(Version::version).toList());
        assertEquals(List.of("Skip BTC shorts: 18 calls netted -0.36 % a call."),
                second.list(List.of(Status.ACCEPTED)).stream().map(Lesson::line).toList());
        Lesson retired = second.find(1).orElseThrow();
        assertEquals(Status.RETIRED, retired.status());
        assertEquals(T0.plusSeconds(180), retired.decidedAt());
        assertEquals(List.of("ENTRY SOL LONG", "ENTRY SOL SHORT"), retired.evidence().setups());
        assertEquals(new BigDecimal("-0.2643"), retired.evidence().netPct());
        assertEquals(Status.REJECTED, second.find(3).orElseThrow().status());
        assertEquals(T0.minusSeconds(30), second.coveredThrough().orElseThrow());
        assertEquals(4L, second.propose(List.of(lesson("A fourth lesson, numbered after the others."))).get(0).id());

        for (int i = 1; i <= LessonRepository.DRAFTS_KEPT + 5; i++) {
            second.drafted(new Draft(T0.plusSeconds(60L * i), T0, "SKIPPED", 0, "no idle model time within 120 s"));
        }
        assertEquals(LessonRepository.DRAFTS_KEPT + 1, second.drafts(1000).size(),
                "skipped drafts beyond the newest are deleted; the draft that reached the model is kept");
        assertEquals(T0.minusSeconds(30), second.coveredThrough().orElseThrow(), "never the draft the cadence counts from");

        // the ledger migrated by the second start above: opened as it is, not migrated a third and a fourth time
        EdgeRepository answers = new EdgeRepository(new Db(ledger.open()));
        List<Integer> versions = java.util.Arrays.asList(2, null, 1, 2);
        List<String> nets = List.of("0.7", "0.7", "0.7", "0.3");
        for (int i = 0; i < versions.size(); i++) {
            answers.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 6, "llama3.2:3b", T0, Duration.ofMinutes(15),
                    new BigDecimal("1.0"), new BigDecimal(nets.get(i)), true, null, null, null, EdgeStore.PRIMARY,
                    versions.get(i)).on("binance"), 10);
        }
        List<LessonRepository.VersionRecord> byVersion = new LessonRepository(new Db(ledger.open()))
                .byVersion(Duration.ofMinutes(15), "binance");
        assertEquals(java.util.Arrays.asList(null, 1, 2), byVersion.stream().map(LessonRepository.VersionRecord::version)
                .toList(), "answers asked without lessons first, on each dialect");
        // v2: +0.7 and +0.3, mean +0.5, stdev 0.282843; t(1) 12.706205 × 0.282843 / √2 = 2.541241
        assertEquals(new LessonRepository.VersionRecord(2, 2, 2, 2, 0.5, -2.0412, 3.0412), byVersion.get(2));
        assertEquals(new LessonRepository.VersionRecord(null, 1, 1, 1, 0.7, null, null), byVersion.get(0),
                "no interval from one answer");
    }

    private static Lesson lesson(String line) {
        return new Lesson(0, line, Status.PROPOSED, T0, null, "llama3.2:3b", new Lesson.Evidence(
                List.of("ENTRY SOL LONG", "ENTRY SOL SHORT"), 40, 21, new BigDecimal("-0.2643"), new BigDecimal("-0.3717"),
                new BigDecimal("-0.1570")), 20);
    }

    private static LessonRepository repository(RestartLedger ledger) {
        return new LessonRepository(new Db(ledger.started()));
    }
}
