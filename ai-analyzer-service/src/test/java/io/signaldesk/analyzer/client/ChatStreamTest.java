package io.signaldesk.analyzer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.AnswerStream;
import io.signaldesk.analyzer.domain.AnalysisType;

/** A streamed structured answer read from Ollama's NDJSON, whatever byte the network splits it at. */
class ChatStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Ollama's streamed chunks as documented, the answer cut into token-sized pieces, with a multi-byte character and an escape. */
    private static final String[] PIECES = {"{\"", "signal", "\":\"", "LONG", "\",\"", "sentiment", "\":\"", "BULL", "ISH",
        "\",\"", "confidence", "\":", "7", ",\"", "coin", "\":\"", "BTC", "\",\"", "reason", "\":\"", "Bids ", "62 %",
        " and \\\"", "buyers\\\" ", "lead → up", ".\"}"};

    private static byte[] ndjson() {
        StringBuilder out = new StringBuilder();
        for (String piece : PIECES) {
            ObjectNode chunk = MAPPER.createObjectNode().put("model", "llama3.2:3b").put("created_at", "2026-11-27T06:00:00Z");
            chunk.putObject("message").put("role", "assistant").put("content", piece);
            out.append(chunk.put("done", false)).append('\n');
        }
        ObjectNode last = MAPPER.createObjectNode().put("model", "llama3.2:3b").put("done", true).put("done_reason", "stop")
                .put("prompt_eval_count", 52).put("prompt_eval_duration", 226_000_000L).put("eval_count", 26)
                .put("eval_duration", 1_181_000_000L).put("load_duration", 0).put("total_duration", 1_410_000_000L);
        last.putObject("message").put("role", "assistant").put("content", "");
        return out.append(last).append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds the bytes as the given chunks and records what a reader of the stream sees. */
    private static Seen read(List<byte[]> chunks) {
        Seen seen = new Seen(new AnswerStream(AnswerSchema.decisionFields(AnalysisType.SENTIMENT)));
        ChatStream stream = new ChatStream(MAPPER, seen);
        chunks.forEach(chunk -> stream.accept(ByteBuffer.wrap(chunk)));
        return seen;
    }

    @Test
    void findsTheDecisionExactlyOnceAndAssemblesTheReasonWhereverTheBytesAreSplit() {
        byte[] all = ndjson();
        for (int cut = 0; cut <= all.length; cut++) {
            Seen seen = read(List.of(slice(all, 0, cut), slice(all, cut, all.length)));
            assertSentiment(seen, "split at byte " + cut);
        }
        List<byte[]> oneByOne = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            oneByOne.add(slice(all, i, i + 1));
        }
        assertSentiment(read(oneByOne), "one byte at a time");
    }

    @Test
    void reportsTheDecisionBeforeAnyReasonText() {
        Seen seen = read(List.of(ndjson()));
        assertEquals(0, seen.reasonBeforeDecision, "reason text never precedes the decision");
        assertEquals(18, seen.piecesAtDecision, "the decision is complete the moment the coin's closing quote arrives");
    }

    @Test
    void failsOnAnErrorChunkAndOnAStreamCutBeforeItsFinalChunk() {
        Seen error = read(List.of("{\"error\":\"model runner has unexpectedly stopped\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertNotNull(error.failure);
        assertNull(error.stats);

        Seen cut = new Seen(new AnswerStream(List.of("enter", "confidence")));
        ChatStream stream = new ChatStream(MAPPER, cut);
        stream.accept(ByteBuffer.wrap(slice(ndjson(), 0, 200)));
        stream.onComplete();
        assertNotNull(cut.failure, "a stream that ends without done:true is a failure");
    }

    private static void assertSentiment(Seen seen, String how) {
        assertEquals(1, seen.decisions.size(), how + ": decision reported once");
        assertEquals("{\"signal\":\"LONG\",\"sentiment\":\"BULLISH\",\"confidence\":7,\"coin\":\"BTC\"}",
                seen.decisions.get(0).toString(), how);
        assertEquals("Bids 62 % and \"buyers\" lead → up.", seen.reason.toString(), how + ": reason assembled");
        assertEquals(seen.answer.reason(), seen.reason.toString(), how);
        assertNotNull(seen.stats, how + ": final chunk read");
        assertEquals(52, seen.stats.promptEvalCount(), how);
        assertEquals(26, seen.stats.evalCount(), how);
        assertNull(seen.failure, how);
    }

    private static byte[] slice(byte[] all, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(all, from, part, 0, part.length);
        return part;
    }

    private static final class Seen implements ChatStreamListener {
        final AnswerStream answer;
        final List<ObjectNode> decisions = new ArrayList<>();
        final StringBuilder reason = new StringBuilder();
        int pieces;
        int piecesAtDecision;
        int reasonBeforeDecision;
        OllamaStats stats;
        Throwable failure;

        Seen(AnswerStream answer) {
            this.answer = answer;
        }

        @Override
        public void content(String piece) {
            pieces++;
            AnswerStream.Progress progress = answer.accept(piece);
            if (progress.decision() != null) {
                decisions.add(progress.decision());
                piecesAtDecision = pieces;
            }
            if (!progress.reasonAdded().isEmpty() && decisions.isEmpty()) {
                reasonBeforeDecision++;
            }
            reason.append(progress.reasonAdded());
        }

        @Override
        public void done(OllamaStats stats) {
            this.stats = stats;
        }

        @Override
        public void failed(Throwable cause) {
            this.failure = cause;
        }
    }
}
