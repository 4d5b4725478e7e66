package io.signaldesk.analyzer;

import java.nio.file.Path;
import java.util.List;

import io.signaldesk.common.test.ConfigKeysCheck;

/** Every key this service's README documents, and every key its properties file sets, is one it reads. */
class ConfigKeysTest extends ConfigKeysCheck {

    @Override
    protected List<Path> readmes() {
        return List.of(Path.of("README.md"));
    }

    @Override
    protected Path properties() {
        return Path.of("src/main/resources/application.properties");
    }

    @Override
    protected List<Path> sources() {
        return List.of(Path.of("src/main/java"), Path.of("../service-common/src/main/java"));
    }
}
