package io.connlint.core.config;

import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server as connlint.yml declares it.
 *
 * @param deployment compose files or Kubernetes manifests the server runs from (its command-line
 *                   flags, mounts and service names); empty: the project root's compose file, if any
 */
public record ServerDecl(String id, SourceLocation at, Optional<Setting<String>> engine,
                         List<Setting<String>> optionFiles, Optional<Setting<String>> persisted,
                         Optional<Setting<Long>> ramMb, Optional<Setting<Long>> openFilesLimit,
                         Optional<Setting<Long>> reserved, List<Setting<String>> hosts,
                         Map<String, String> pathMap, List<Setting<String>> deployment) {

    public ServerDecl {
        optionFiles = List.copyOf(optionFiles);
        hosts = List.copyOf(hosts);
        pathMap = Map.copyOf(pathMap);
        deployment = List.copyOf(deployment);
    }
}
