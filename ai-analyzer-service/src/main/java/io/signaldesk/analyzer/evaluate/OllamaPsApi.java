package io.signaldesk.analyzer.evaluate;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Ollama's GET /api/ps: the models loaded now and the memory each takes. */
@Path("/api")
interface OllamaPsApi {

    @GET
    @Path("/ps")
    Loaded ps();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Loaded(List<LoadedModel> models) {
        public Loaded {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoadedModel(String name, String model, Long size) {
    }
}
