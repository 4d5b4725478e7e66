package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;

/**
 * The model's scored answers as a training set in the chat format Ollama and the common fine-tuning tools read
 * ({@code {"messages":[system, user, assistant]}}, one JSON object a line), each example labelled with its realised
 * outcome and the answer that would have been right, and split by time: the oldest answers train, the newest
 * {@code validationShare} validate (no validation example is older than a training one). The split falls between two
 * instants, never inside one: answers given at the same instant (several coins asked on one frame) stay on one side.
 */
public final class TrainingSet {

    /** What the assistant message holds: the model's answer as given, or the answer that would have been right. */
    public enum Assistant { GIVEN, RIGHT }

    /** The reason of a corrected answer: said as what it is, never invented market talk. */
    static final String PAID = "Corrected in hindsight: the move paid after costs.";
    static final String DID_NOT_PAY = "Corrected in hindsight: the move did not pay after costs.";
    /** The confidence of a corrected answer: the middle of the scale (the record only knows right from wrong). */
    static final int CORRECTED_CONFIDENCE = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingSet() {
    }

    /** One line a scored answer, oldest first; {@code split} null for both. */
    public static List<String> lines(List<ScoredAnswer> answers, double validationShare, String split, Assistant assistant) {
        int trainCount = trainCount(answers, validationShare);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String part = i < trainCount ? "train" : "validation";
            if (split == null || split.equals(part)) {
                line(answers.get(i), part, assistant).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * How many of the oldest answers train: the share asked for, moved to the nearer edge of the instant it would cut
     * (on a tie the instant trains), so that no instant has answers on both sides.
     */
    static int trainCount(List<ScoredAnswer> answers, double validationShare) {
        int asked = (int) Math.ceil(answers.size() * (1 - validationShare));
        if (asked == 0 || asked == answers.size()
                || !answers.get(asked - 1).answeredAt().equals(answers.get(asked).answeredAt())) {
            return asked;
        }
        var instant = answers.get(asked).answeredAt();
        int first = asked - 1;
        while (first > 0 && answers.get(first - 1).answeredAt().equals(instant)) {
            first--;
        }
        int after = asked;
        while (after < answers.size() && answers.get(after).answeredAt().equals(instant)) {
            after++;
        }
        return asked - first < after - asked ? first : after;
    }

    private static java.util.Optional<String> line(ScoredAnswer a, String split, Assistant assistant) {
        try {
            ObjectNode given = (ObjectNode) JSON.readTree(a.answer());
            ObjectNode line = JSON.createObjectNode();
            var messages = line.putArray("messages");
            messages.addObject().put("role", "system").put("content", a.system());
            messages.addObject().put("role", "user").put("content", a.question());
            String content = assistant == Assistant.GIVEN || a.right() ? a.answer() : corrected(a, given);
            messages.addObject().put("role", "assistant").put("content", content);
            line.put("split", split);
            ObjectNode label = line.putObject("label");
            label.put("type", a.kind()).put("coin", a.coin()).put("side", a.side())
                    .put("answeredAt", a.answeredAt().toString()).put("model", a.model())
                    .put("horizonMinutes", a.horizon().toMinutes())
                    .put("movePct", a.movePct()).put("netPct", a.netPct()).put("right", a.right())
                    .put("rightAnswer", rightAnswer(a));
            label.set("given", given);
            return java.util.Optional.of(JSON.writeValueAsString(line));
        } catch (JsonProcessingException | ClassCastException e) {
            return java.util.Optional.empty(); // a stored answer that is not a JSON object is no example
        }
    }

    /** enter / skip for an entry, hold / close for an exit: what acting right would have been. */
    static String rightAnswer(ScoredAnswer a) {
        boolean act = a.right() == a.acted();
        return "ENTRY".equals(a.kind()) ? (act ? "enter" : "skip") : (act ? "hold" : "close");
    }

    /** The answer that would have been right: the decision flipped, the middle confidence, a hindsight reason. */
    private static String corrected(ScoredAnswer a, ObjectNode given) throws JsonProcessingException {
        boolean act = !a.acted();
        Map<String, Object> fields = new LinkedHashMap<>();
        if ("ENTRY".equals(a.kind())) {
            fields.put("enter", act);
        } else {
            fields.put("action", act ? "HOLD" : "CLOSE");
        }
        fields.put("confidence", CORRECTED_CONFIDENCE);
        fields.put("reason", a.netPct().compareTo(BigDecimal.ZERO) > 0 ? PAID : DID_NOT_PAY);
        return JSON.writeValueAsString(fields);
    }
}
