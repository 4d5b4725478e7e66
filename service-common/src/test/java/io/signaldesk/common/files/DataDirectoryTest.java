package io.signaldesk.common.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
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
    void aFolderThroughALinkLeadingOutIsRefusedAndNothingIsCreatedOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("reports"), outside);
        DataDirectory data = DataDirectory.confined(root, "GET /files");

        BadInputException e = assertThrows(BadInputException.class, () -> data.folder("outputDir", "reports/new/deep"));
        assertEquals("reports/new/deep: leads outside the data directory", e.getMessage());
        assertFalse(Files.exists(outside.resolve("new")), "nothing created beyond the link");
        assertEquals(root.resolve("in/deep"), data.folder("outputDir", "in/deep"));
        assertTrue(Files.isDirectory(root.resolve("in/deep")));
    }

    @Test
    void aReportIsCreatedNewNeverOverAFileNorThroughALinkPlantedUnderItsName() throws IOException {
        DataDirectory data = DataDirectory.confined(root, "GET /files");
        Path target = Files.writeString(outside.resolve("victim.txt"), "keep me");
        Files.createSymbolicLink(root.resolve("planted.json"), target);
        Files.writeString(root.resolve("old.json"), "old");

        assertThrows(FileAlreadyExistsException.class, () -> data.writeNew(root, "planted.json", "overwritten"));
        assertThrows(FileAlreadyExistsException.class, () -> data.writeNew(root, "old.json", "overwritten"));
        assertEquals("keep me", Files.readString(target));
        assertEquals("old", Files.readString(root.resolve("old.json")));

        Path written = data.writeNew(root, "new.json", "{}");
        assertEquals("{}", Files.readString(written));
        assertTrue(written.toRealPath().startsWith(root.toRealPath()));
    }

    @Test
    void aReportWhoseFolderWasSwappedForALinkIsRemovedAndRefused() throws IOException {
        DataDirectory data = DataDirectory.confined(root, "GET /files");
        Path folder = data.folder("outputDir", "swapped");
        Files.delete(folder);
        Files.createSymbolicLink(folder, outside);

        IOException e = assertThrows(IOException.class, () -> data.writeNew(folder, "r.json", "{}"));
        assertEquals("r.json was created outside the data directory (removed)", e.getMessage());
        assertFalse(Files.exists(outside.resolve("r.json")));
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
