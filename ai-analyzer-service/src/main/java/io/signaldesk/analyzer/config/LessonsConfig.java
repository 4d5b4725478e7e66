package io.signaldesk.analyzer.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lesson drafts ({@code analyzer.lessons.*}): the model writes them on Ollama's idle time only. */
@ConfigMapping(prefix = "analyzer.lessons")
public interface LessonsConfig {

    /** Longest a draft waits for an idle model (and is put back whenever a question comes) before it is skipped. */
    @WithDefault("2m")
    Duration maxWait();

    /** Output tokens a draft may write (num_predict): room for five lessons of 120 characters and their setups. */
    @WithDefault("320")
    int numPredict();
}
