package io.signaldesk.analyzer.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The model calls answered on the current thread since {@link #open()}: lets the caller read the raw text
 * of an answer the AI service could not parse, and sum the tokens of an answer and its reprompt.
 */
@ApplicationScoped
public class ModelExchangeLog {

    private final ThreadLocal<List<ModelExchange>> exchanges = ThreadLocal.withInitial(ArrayList::new);

    public void open() {
        exchanges.get().clear();
    }

    void record(ModelExchange exchange) {
        exchanges.get().add(exchange);
    }

    public int count() {
        return exchanges.get().size();
    }

    /** The last exchange recorded after the first {@code skip} ones, if any. */
    public Optional<ModelExchange> lastAfter(int skip) {
        List<ModelExchange> all = exchanges.get();
        return all.size() > skip ? Optional.of(all.get(all.size() - 1)) : Optional.empty();
    }

    public List<ModelExchange> all() {
        return List.copyOf(exchanges.get());
    }
}
