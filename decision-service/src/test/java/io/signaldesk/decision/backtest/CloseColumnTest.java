package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CloseColumnTest {

    /** Closes as files write them: trailing zeros, no decimals, exponents, 18 decimals, more digits than a long holds. */
    private static final List<String> CLOSES = List.of("63460.0", "63460.00", "63440.01", "2618", "0.00001234", "1E+3",
            "0.000000000000000001", "999999999.999999999999999999", "153.83", "63440.010000000000000");

    @Test
    void givesBackEveryCloseWithItsValueAndScaleAsTheFileWroteIt() {
        CloseColumn column = column(CLOSES);
        assertEquals(CLOSES.size(), column.size());
        for (int i = 0; i < CLOSES.size(); i++) {
            BigDecimal written = new BigDecimal(CLOSES.get(i));
            assertEquals(written, column.get(i)); // equals: value and scale
            assertEquals(written.toString(), column.get(i).toString());
            assertEquals(written.doubleValue(), column.at(i)); // the random-entry baseline's figure, bit for bit
        }
    }

    @Test
    void aSliceAndItsCompactCopyReadTheSameBarsAndNothingOutside() {
        CloseColumn slice = column(CLOSES).slice(6, 10);
        CloseColumn compact = slice.compact();
        assertEquals(4, compact.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(new BigDecimal(CLOSES.get(6 + i)), slice.get(i));
            assertEquals(slice.get(i), compact.get(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> slice.get(4));
        assertThrows(IndexOutOfBoundsException.class, () -> compact.get(-1));
    }

    @Test
    void holdsNineBytesABar() {
        CloseColumn.Builder builder = new CloseColumn.Builder();
        for (int i = 0; i < 100_000; i++) {
            builder.add(BigDecimal.valueOf(6_000_000 + i, 2));
        }
        CloseColumn column = builder.build();
        assertEquals(900_000, column.bytes());
        assertEquals(new BigDecimal("60999.99"), column.get(99_999));
    }

    private static CloseColumn column(List<String> closes) {
        CloseColumn.Builder builder = new CloseColumn.Builder();
        closes.forEach(c -> builder.add(new BigDecimal(c)));
        return builder.build();
    }
}
