package io.signaldesk.core.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EdgeVerdictTest {

    @Test
    void everyProposedEntryWithoutAMeasuredEdgeCarriesTheSameWarningWhateverTheGatesMode() {
        assertEquals("unproven: no measured edge for this setup after costs", EdgeVerdict.UNPROVEN.warning());
        assertEquals("unproven: no measured edge for this setup after costs (edge gate off)", EdgeVerdict.UNGATED.warning());
    }

    @Test
    void aProvenEntryAndOneTheGateStoppedCarryNone() {
        assertNull(EdgeVerdict.PROVEN.warning());
        assertNull(EdgeVerdict.NO_EDGE.warning()); // never proposed: nothing to warn a confirmer of
    }
}
