package io.signaldesk.decision.adapter.analyzer;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.decision.lessons.LessonDigest;

/**
 * The analyzer's side of lessons: asks the model for a draft from a digest of scored answers (on Ollama's idle time,
 * the analyzer's lowest lane), and hands it the accepted lessons for its system message. Failures are answers, not
 * exceptions: an unreachable analyzer is an empty result the caller counts.
 */
@ApplicationScoped
public class LessonsClient {

    private static final Logger LOG = Logger.getLogger(LessonsClient.class);

    /** A draft question: the digest's setups and how many lessons at most. */
    @RegisterForReflection
    public record DraftRequest(List<LessonDigest.Setup> setups, int max) {
    }

    /** The accepted lessons, in order, and the version of the set. */
    @RegisterForReflection
    public record AcceptedLessons(int version, List<String> lessons) {
    }

    private final LessonsRestClient rest;
    private final LessonSetRestClient set;
    private final String engineKey;
    /** PUT /api/ai/lessons is a mutating /api/ai call: the analyzer asks for the API key when one is set. */
    private final String apiKey;

    LessonsClient(@RestClient LessonsRestClient rest, @RestClient LessonSetRestClient set, SignalConfig signal) {
        this.rest = rest;
        this.set = set;
        this.engineKey = signal.deskKey().orElse(null);
        this.apiKey = signal.apiKey().filter(k -> !k.isBlank()).orElse(null);
    }

    /**
     * The analyzer's draft ({@code {"status":"DRAFTED|INVALID|SKIPPED|OFF","lessons":[{"lesson","setups"}],...}}), or
     * empty with the failure logged when it could not be asked.
     */
    public Optional<JsonNode> draft(DraftRequest request) {
        try {
            return Optional.ofNullable(rest.draft(engineKey, request));
        } catch (RuntimeException e) {
            LOG.infof("lesson draft not asked: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Hands the analyzer the accepted set; false when it could not be reached (the next check sends it again). */
    public boolean put(AcceptedLessons lessons) {
        try {
            set.put(engineKey, apiKey, lessons);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("accepted lessons not sent: %s", e.getMessage());
            return false;
        }
    }

    /** The lesson version in the analyzer's system message, or empty when it cannot be read. */
    public Optional<Integer> versionInPrompt() {
        try {
            JsonNode now = set.get();
            return now != null && now.path("version").isInt() ? Optional.of(now.path("version").intValue()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
