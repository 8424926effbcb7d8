package io.connlint.core.deploy;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.Yaml;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.k8s.KubernetesManifests;
import io.connlint.core.read.mycnf.ProjectPaths;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file a {@code deployment:} names: a compose file (it has {@code services:}) or Kubernetes
 * manifests; empty both ways when it could not be read ({@code problems} say why).
 */
public record DeploymentFile(Optional<ComposeFiles.Project> compose, Optional<KubernetesManifests.Result> kubernetes,
                      List<ReadProblem> problems) {

    public static DeploymentFile read(Path file, ProjectPaths paths) {
        String shown = paths.display(file);
        try {
            TextFile text = TextFile.read(file, shown);
            List<Node> documents = Yaml.compose(text); // composed once, looked at both ways
            ComposeFiles.Project compose = ComposeFiles.of(file, shown, documents);
            if (!compose.services().isEmpty()) {
                return new DeploymentFile(Optional.of(compose), Optional.empty(), List.of());
            }
            return new DeploymentFile(Optional.empty(), Optional.of(KubernetesManifests.read(text, documents)),
                    List.of());
        } catch (TextFile.Unreadable e) {
            return new DeploymentFile(Optional.empty(), Optional.empty(), List.of(e.problem()));
        }
    }
}
