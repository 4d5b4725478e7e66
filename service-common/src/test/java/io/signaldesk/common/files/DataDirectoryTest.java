package io.signaldesk.common.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.error.BadInputException;

class DataDirectoryTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void readsARelativeNameInsideAndListsIt() throws IOException {
        Files.createDirectories(root.resolve("klines"));
        Files.writeString(root.resolve("klines/BTC.csv"), "timestamp\n");
        DataDirectory data = DataDirectory.confined(root, "GET /files");
        assertEquals(root.resolve("klines/BTC.csv").toRealPath(), data.file("files.BTC", "klines/BTC.csv", ".csv"));
        assertEquals("klines/BTC.csv", data.list(".csv").get(0).name());
        assertEquals("klines/BTC.csv", data.display(root.resolve("klines/BTC.csv")));
    }

    @Test
    void refusesAbsolutePathsParentsOtherExtensionsAndLinksLeadingOut() throws IOException {
        Files.writeString(outside.resolve("secret.csv"), "secret\n");
        Files.createSymbolicLink(root.resolve("escape.csv"), outside.resolve("secret.csv"));
        Files.writeString(root.resolve("notes.txt"), "x");
        DataDirectory data = DataDirectory.confined(root, "GET /files");
        refused(data, "/etc/passwd", "f must be a name relative to the data directory, not an absolute path");
        refused(data, "a/../../secret.csv", "f must not contain '..'");
        refused(data, "notes.txt", "notes.txt: only .csv files can be read");
        refused(data, "escape.csv", "escape.csv: leads outside the data directory");
        refused(data, "absent.csv", "absent.csv: no such file in the data directory (GET /files lists them)");
        refused(data, "a\u0000b.csv", "f contains a control character or a backslash");
        assertTrue(data.list(".csv").isEmpty(), "a link leading out is not listed");
    }

    @Test
    void readingPastTheCapFails() throws IOException {
        Path file = Files.writeString(root.resolve("big.csv"), "0123456789");
        assertThrows(IOException.class, () -> DataDirectory.open(file, 5));
        try (InputStream in = DataDirectory.capped(Files.newInputStream(file), 5)) {
            assertThrows(IOException.class, in::readAllBytes);
        }
    }

    private static void refused(DataDirectory data, String name, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> data.file("f", name, ".csv"));
        assertEquals(message, e.getMessage());
        assertEquals("f", e.field());
    }
}
