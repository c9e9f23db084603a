package org.opencps;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencps.access.AccessPolicy;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of DESIGN.md that Spring Modulith's own verification does not cover. */
class ModuleRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opencps");

    private static final String PERSISTENCE = "..internal.persistence..";

    /** A string literal or text block whose text starts like an SQL statement. */
    private static final Pattern SQL_LITERAL = Pattern.compile(
            "\"(?:\"\"\\s*)?\\s*(SELECT\\s|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|MERGE\\s+INTO\\s)");

    @Test
    void onlyPersistencePackagesUseJdbc() {
        noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .because("SQL lives only in <module>/internal/persistence, where its tenant scope can be reviewed")
                .check(MAIN);
    }

    @Test
    void sqlTextAppearsOnlyInPersistencePackages() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().contains("/internal/persistence/"))
                    .filter(ModuleRulesTest::containsSql)
                    .map(file -> sources.relativize(file).toString())
                    .toList();
            assertThat(offenders).as("files outside internal/persistence with SQL text").isEmpty();
        }
    }

    @Test
    void controllersNeverDecideAccessThemselves() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(AccessPolicy.class)
                .because("controllers authenticate and call module faces; the faces ask the access policy")
                .check(MAIN);
    }

    /**
     * An after-commit side effect is an {@code @ApplicationModuleListener}: it runs on the bounded
     * listener threads. A synchronous after-commit listener would run in the committing request,
     * which still holds its database connection while the event registry takes a second one to
     * record the delivery: enough of them at once exhaust the pool.
     */
    @Test
    void noSynchronousAfterCommitListeners() {
        methods().that().areAnnotatedWith(TransactionalEventListener.class)
                .should(new ArchCondition<JavaMethod>("not run synchronously after commit") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        var phase = method.getAnnotationOfType(TransactionalEventListener.class).phase();
                        events.add(new SimpleConditionEvent(method, phase != TransactionPhase.AFTER_COMMIT,
                                method.getFullName() + " listens synchronously after commit"));
                    }
                })
                .allowEmptyShould(true)
                .check(MAIN);
    }

    private static boolean containsSql(Path file) {
        try {
            return SQL_LITERAL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
