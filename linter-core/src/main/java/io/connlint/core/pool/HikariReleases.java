package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Origin;
import io.connlint.core.model.Setting;
import io.connlint.core.read.hikari.HikariVersion;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.spring.BuildFileVersions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The HikariCP release an app's pools run, and why: {@code hikariVersion} in connlint.yml, else the
 * nearest build file's HikariCP version or the one its Spring Boot version manages, else the latest
 * HikariCP.
 */
final class HikariReleases {

    private HikariReleases() {
    }

    /**
     * @param buildVersions each directory's nearest build file answer, shared by the reads of one run
     */
    static Setting<String> of(Optional<Setting<String>> declaredVersion, Path configFile, ProjectPaths paths,
                              Map<Path, Optional<BuildFileVersions.Found>> buildVersions) {
        if (declaredVersion.isPresent()) {
            Setting<String> declared = declaredVersion.get();
            String v = HikariVersion.parse(declared.value()).orElse(HikariVersion.LATEST).toString();
            return new Setting<>(ClientPool.HIKARI_VERSION, v, declared.raw(), declared.origin(), v, Optional.empty());
        }
        // one look-up per directory: a repository of many pool files reads its build files once
        Optional<BuildFileVersions.Found> found = BuildFileVersions.near(configFile, paths, buildVersions);
        String latest = HikariVersion.LATEST.toString();
        if (found.isEmpty()) {
            return Setting.assumed(ClientPool.HIKARI_VERSION, latest, "no hikariVersion in connlint.yml and no HikariCP"
                    + " or Spring Boot version in a build file: the latest HikariCP");
        }
        BuildFileVersions.Found f = found.get();
        if (f.library().equals(BuildFileVersions.HIKARICP)) {
            Optional<HikariVersion> v = HikariVersion.parse(f.version()).filter(HikariVersion::isModelled);
            if (v.isPresent()) {
                return new Setting<>(ClientPool.HIKARI_VERSION, v.get().toString(), f.version(),
                        new Origin.InFile(f.at()), v.get().toString(), Optional.empty());
            }
            return Setting.assumed(ClientPool.HIKARI_VERSION, latest, "HikariCP " + f.version() + " (" + f.at()
                    + ") is not a release connlint models (" + HikariVersion.OLDEST + " to " + latest + "): the latest");
        }
        Optional<HikariVersion> bundled = HikariVersion.bundledWithSpringBoot(f.version());
        return bundled.map(v -> Setting.derived(ClientPool.HIKARI_VERSION, v.toString(), "Spring Boot " + f.version()
                        + " (" + f.at() + ") manages HikariCP " + v))
                .orElseGet(() -> Setting.assumed(ClientPool.HIKARI_VERSION, latest, "Spring Boot " + f.version() + " ("
                        + f.at() + ") is not in connlint's table of the HikariCP each Boot release manages: the latest"));
    }
}
