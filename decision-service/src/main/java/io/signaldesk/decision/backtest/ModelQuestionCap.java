package io.signaldesk.decision.backtest;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntSupplier;

import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * {@code decision.backtest.max-model-calls}: a backtest asks the model at most about this many entry and exit questions
 * (one takes seconds on a small machine, and the live desk shares the model). How many a run asks depends on what the
 * rules and the edge gate see, so it is not estimated before the run: the tape ends after the frame whose questions
 * reach the cap (that frame's other questions asked too), and the report covers the frames replayed, saying so.
 */
final class ModelQuestionCap {

    private final IntSupplier asked;
    private final int max;
    private long replayed;
    private Instant lastFrame;
    private boolean stopped;

    /** {@code asked}: the engine's model questions so far (the backtest analyzer's count). */
    ModelQuestionCap(IntSupplier asked, int max) {
        this.asked = asked;
        this.max = max;
    }

    /** {@code tape}, ending early once {@code max} questions were asked. */
    MarketTape over(MarketTape tape) {
        return new MarketTape() {
            @Override
            public String kind() {
                return tape.kind();
            }

            @Override
            public List<String> coins() {
                return tape.coins();
            }

            @Override
            public List<String> notes() {
                return tape.notes();
            }

            @Override
            public long size() {
                return tape.size();
            }

            @Override
            public Iterator<FeedMessage> frames() {
                Iterator<FeedMessage> frames = tape.frames();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        if (!frames.hasNext()) {
                            return false;
                        }
                        stopped = asked.getAsInt() >= max;
                        return !stopped;
                    }

                    @Override
                    public FeedMessage next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        FeedMessage frame = frames.next();
                        replayed++;
                        lastFrame = frame.asOf();
                        return frame;
                    }
                };
            }
        };
    }

    /** Whether the run ended at the cap, frames left unread. */
    boolean stopped() {
        return stopped;
    }

    /** The report's note of a run that ended at the cap ({@code total}: the tape's frames, -1 when unknown). */
    String note(long total) {
        return ("the model's entry and exit questions reached decision.backtest.max-model-calls (%,d) at %s: the run "
                + "stopped there after %s frames, and its figures and baselines cover the market up to then only (a "
                + "run's questions depend on what the rules and the edge gate see, so they are not estimated before it "
                + "starts): shorten the range with from/to, or raise the cap").formatted(max, lastFrame,
                        total < 0 ? "%,d".formatted(replayed) : "%,d of %,d".formatted(replayed, total));
    }
}
