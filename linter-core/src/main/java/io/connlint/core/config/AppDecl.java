package io.connlint.core.config;

import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application as connlint.yml declares it.
 *
 * @param deployment Kubernetes manifests or compose files (or folders of them) that run the app
 * @param hikariVersion the HikariCP release the app runs, when declared (validated: a version connlint models)
 */
public record AppDecl(String id, SourceLocation at, List<Setting<String>> config, List<Setting<String>> profiles,
                      Map<String, String> env, Optional<Setting<Long>> instances, List<Setting<String>> deployment,
                      Optional<Setting<String>> maxSurge, Optional<Setting<Long>> maxInstances,
                      Optional<Setting<Long>> processes, Optional<Setting<String>> gunicorn,
                      Optional<Setting<String>> server, Optional<Setting<String>> hikariVersion) {

    public AppDecl {
        config = List.copyOf(config);
        profiles = List.copyOf(profiles);
        env = Map.copyOf(env);
        deployment = List.copyOf(deployment);
    }
}
