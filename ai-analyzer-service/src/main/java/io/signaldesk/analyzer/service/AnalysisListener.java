package io.signaldesk.analyzer.service;

import io.signaldesk.analyzer.domain.AnalysisSignal;

/** Hears an analysis as it is made: its decision once, then its reason text as it grows. */
public interface AnalysisListener {

    void signal(AnalysisSignal signal);

    void reason(String added);

    AnalysisListener NONE = new AnalysisListener() {
        @Override
        public void signal(AnalysisSignal signal) {
        }

        @Override
        public void reason(String added) {
        }
    };
}
