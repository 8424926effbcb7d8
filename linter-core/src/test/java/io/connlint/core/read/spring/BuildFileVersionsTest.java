package io.connlint.core.read.spring;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The versions a build file gives, and where it says so. */
class BuildFileVersionsTest {

    @Test
    void aSpringBootBomImportedInDependencyManagement() {
        String pom = """
                <project>
                  <properties><spring-boot.version>3.4.1</spring-boot.version></properties>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-dependencies</artifactId>
                    <version>${spring-boot.version}</version>
                    <type>pom</type><scope>import</scope>
                  </dependency></dependencies></dependencyManagement>
                </project>
                """;
        assertEquals(Optional.of(new BuildFileVersions.Found(BuildFileVersions.SPRING_BOOT, "3.4.1",
                new SourceLocation("pom.xml", 2, 36))), BuildFileVersions.pom(new TextFile("pom.xml", pom)));
    }

    @Test
    void bootsHikaricpVersionPropertyOverridesTheManagedOne() {
        String pom = "<project><parent><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-parent</artifactId><version>3.3.4</version></parent>\n"
                + "<properties><hikaricp.version>6.2.1</hikaricp.version></properties></project>";
        assertEquals(Optional.of(new BuildFileVersions.Found(BuildFileVersions.HIKARICP, "6.2.1",
                new SourceLocation("pom.xml", 2, 31))), BuildFileVersions.pom(new TextFile("pom.xml", pom)));
    }

    @Test
    void anUnresolvedPropertyOrABrokenPomTellsNothing() {
        assertEquals(Optional.empty(), BuildFileVersions.pom(new TextFile("pom.xml",
                "<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent"
                        + "</artifactId><version>${boot}</version></parent></project>")));
        assertEquals(Optional.empty(), BuildFileVersions.pom(new TextFile("pom.xml", "<project><parent>")));
        assertEquals(Optional.empty(), BuildFileVersions.pom(new TextFile("pom.xml",
                "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>")));
    }

    @Test
    void gradleGroovyPluginAndAnExplicitHikariCpDependency() {
        String groovy = "plugins {\n  id 'org.springframework.boot' version '2.7.18'\n}\n"
                + "dependencies {\n  implementation 'com.zaxxer:HikariCP:5.1.0'\n}\n";
        assertEquals(Optional.of(new BuildFileVersions.Found(BuildFileVersions.HIKARICP, "5.1.0",
                new SourceLocation("build.gradle", 5, 39))), BuildFileVersions.gradle(new TextFile("build.gradle", groovy)));
        String plugin = "plugins {\n  id 'org.springframework.boot' version '2.7.18'\n}\n";
        assertEquals(Optional.of(new BuildFileVersions.Found(BuildFileVersions.SPRING_BOOT, "2.7.18",
                new SourceLocation("build.gradle", 2, 42))), BuildFileVersions.gradle(new TextFile("build.gradle", plugin)));
    }
}
