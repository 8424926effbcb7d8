package io.connlint.core.engine;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.k8s.KubernetesManifests;
import io.connlint.core.read.mycnf.ProjectPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file a {@code deployment:} names: a compose file (it has {@code services:}) or Kubernetes
 * manifests; empty both ways when it could not be read ({@code problems} say why).
 */
record DeploymentFile(Optional<ComposeFiles.Project> compose, Optional<KubernetesManifests.Result> kubernetes,
                      List<ReadProblem> problems) {

    static DeploymentFile read(Path file, ProjectPaths paths) {
        ComposeFiles.Project compose = ComposeFiles.read(List.of(file), paths::display);
        if (!compose.problems().isEmpty()) {
            return new DeploymentFile(Optional.empty(), Optional.empty(), compose.problems());
        }
        if (!compose.services().isEmpty()) {
            return new DeploymentFile(Optional.of(compose), Optional.empty(), List.of());
        }
        List<ReadProblem> problems = new ArrayList<>();
        try {
            return new DeploymentFile(Optional.empty(),
                    Optional.of(KubernetesManifests.read(TextFile.read(file, paths.display(file)))), problems);
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return new DeploymentFile(Optional.empty(), Optional.empty(), problems);
        }
    }
}
