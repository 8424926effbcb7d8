package io.connlint.core.read.spring;

import io.connlint.core.read.spring.SpringDocuments.Document;
import io.connlint.core.read.spring.SpringDocuments.Prop;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which profiles a Spring Boot (2.4+) application runs with, and which documents they activate:
 * {@code spring.profiles.active} (or what replaces it), {@code include}, {@code group} expansion, and
 * a document's {@code spring.config.activate.on-profile} expression.
 */
final class SpringProfiles {

    private static final String ACTIVE = SpringKeys.canonical("spring.profiles.active");
    static final String INCLUDE = SpringKeys.canonical("spring.profiles.include");

    private SpringProfiles() {
    }

    /** connlint.yml's profiles; else SPRING_PROFILES_ACTIVE; else the files' spring.profiles.active; else default. */
    static List<String> active(List<List<Document>> base, List<String> declared, Map<String, String> env) {
        Set<String> profiles = new LinkedHashSet<>(declared);
        if (profiles.isEmpty()) {
            String fromEnv = env.get("SPRING_PROFILES_ACTIVE");
            String fromFiles = null;
            // Spring Boot takes spring.profiles.active from every document, even one gated by a profile
            for (List<Document> documents : base) {
                for (Document d : documents) {
                    Optional<Prop> p = d.get(ACTIVE);
                    if (p.isPresent()) {
                        fromFiles = p.get().value();
                    }
                }
            }
            String list = fromEnv != null ? fromEnv : fromFiles;
            if (list != null) {
                for (String p : list.split(",")) {
                    if (!p.isBlank()) {
                        profiles.add(p.trim());
                    }
                }
            }
        }
        for (List<Document> documents : base) {
            for (Document d : documents) {
                if (activation(d).isEmpty()) {
                    d.get(INCLUDE).ifPresent(p -> {
                        for (String s : p.value().split(",")) {
                            if (!s.isBlank()) {
                                profiles.add(s.trim());
                            }
                        }
                    });
                }
            }
        }
        if (profiles.isEmpty()) {
            profiles.add("default");
        }
        return expandGroups(List.copyOf(profiles), base);
    }

    /** {@code spring.profiles.group.<name>: a, b} adds a and b after name. */
    private static List<String> expandGroups(List<String> profiles, List<List<Document>> base) {
        Map<String, String> groups = new LinkedHashMap<>();
        String prefix = SpringKeys.canonical("spring.profiles.group") + ".";
        for (List<Document> documents : base) {
            for (Document d : documents) {
                if (activation(d).isEmpty()) {
                    for (Prop p : d.props()) {
                        if (p.canonical().startsWith(prefix)) {
                            String name = p.key().substring(p.key().lastIndexOf('.') + 1).replaceFirst("\\[\\d+]$", "");
                            groups.merge(name, p.value(), (a, b) -> a + "," + b);
                        }
                    }
                }
            }
        }
        Set<String> expanded = new LinkedHashSet<>();
        for (String profile : profiles) {
            expanded.add(profile);
            String members = groups.get(profile);
            if (members != null) {
                for (String m : members.split(",")) {
                    if (!m.isBlank()) {
                        expanded.add(m.trim());
                    }
                }
            }
        }
        return List.copyOf(expanded);
    }

    /**
     * The document's activation expression: on-profile (a YAML list is any of its items), or the
     * legacy spring.profiles key.
     */
    static Optional<Prop> activation(Document d) {
        Optional<Prop> onProfile = d.get(SpringDocuments.ON_PROFILE);
        if (onProfile.isEmpty()) {
            List<Prop> items = d.props().stream()
                    .filter(p -> p.canonical().startsWith(SpringDocuments.ON_PROFILE + "[")).toList();
            if (!items.isEmpty()) {
                String any = String.join(",", items.stream().map(Prop::value).toList());
                onProfile = Optional.of(new Prop(items.get(0).key(), SpringDocuments.ON_PROFILE, any, items.get(0).at(),
                        Optional.empty()));
            }
        }
        return onProfile.or(() -> d.get(SpringDocuments.LEGACY_PROFILES));
    }
}
