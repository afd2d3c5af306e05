package io.vortex.dag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagFolderTest {

    @TempDir
    Path root;

    @Test
    void findsPythonFilesAndFactorySpecsInSubFoldersSorted() throws IOException {
        write("b.py", "x");
        write("team/a.py", "x");
        write("team/specs/pipeline.yaml", "x");
        write("team/specs/other.json", "{}");
        write("notes.txt", "x");

        assertThat(relative(new DagFolder(root))).containsExactly("b.py", "team/a.py", "team/specs/other.json",
                "team/specs/pipeline.yaml");
    }

    @Test
    void airflowignorePatternsAreRegularExpressionsForTheirFolderAndBelow() throws IOException {
        write(".airflowignore", "# generated code\nlegacy_.*\nscratch/  # work in progress\n");
        write("legacy_etl.py", "x");
        write("etl.py", "x");
        write("scratch/try.py", "x");
        write("team/.airflowignore", "^skip");
        write("team/skip_me.py", "x");
        write("team/keep_me.py", "x");
        write("team/legacy_old.py", "x");
        write("skip_me.py", "x");

        assertThat(relative(new DagFolder(root))).containsExactly("etl.py", "skip_me.py", "team/keep_me.py");
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        write(".hidden.py", "x");
        write(".git/hooks/x.py", "x");
        write("visible.py", "x");

        assertThat(relative(new DagFolder(root))).containsExactly("visible.py");
    }

    @Test
    void aMissingFolderHasNoFiles() {
        assertThat(new DagFolder(root.resolve("nowhere")).files()).isEmpty();
    }

    @Test
    void safeModeSkipsPythonFilesThatMentionNoDag() {
        assertThat(DagFolder.mightContainDag(Path.of("etl.py"), "from airflow import DAG")).isTrue();
        assertThat(DagFolder.mightContainDag(Path.of("helpers.py"), "def add(a, b): return a + b")).isFalse();
        assertThat(DagFolder.mightContainDag(Path.of("airflow_utils.py"), "import airflow")).isFalse();
        assertThat(DagFolder.mightContainDag(Path.of("spec.yaml"), "tasks: {}")).isTrue();
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private java.util.List<String> relative(DagFolder folder) {
        return folder.files().stream().map(file -> folder.root().relativize(file).toString()).toList();
    }
}
