package org.opencps.audit.internal.verification;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.opencps.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operator's check of every audit chain in the database ({@code opencps-server audit-verify},
 * see OpenCpsApplication): one line per chain, intact or the first record that does not fit, and
 * exit code 0 when all are intact, 2 when one is not.
 */
@Component
@ConditionalOnProperty(name = "opencps.audit.command", havingValue = "verify")
public class VerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ChainVerifier verifier;
    private final PrintStream out;
    private int exitCode;

    VerifyCommand(ChainVerifier verifier) {
        this(verifier, new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8));
    }

    public VerifyCommand(ChainVerifier verifier, PrintStream out) {
        this.verifier = verifier;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        int broken = 0;
        int chains = 0;
        for (ChainVerification chain : verifier.verifyAll()) {
            chains++;
            out.println(describe(chain));
            if (!chain.intact()) {
                broken++;
            }
        }
        out.println(broken == 0 ? "audit-verify: all " + chains + " chains intact"
                : "audit-verify: " + broken + " of " + chains + " chains do not verify");
        exitCode = broken == 0 ? 0 : 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    static String describe(ChainVerification chain) {
        String name = chain.organization() == null ? "records of no organization" : "organization " + chain.organization();
        String figures = chain.recordsChecked() + " records checked, head seq " + chain.headSeq() + ", pruned up to seq "
                + chain.prunedUpTo() + ", sealed up to seq " + chain.sealedUpTo();
        if (chain.intact()) {
            return "OK      " + name + ": " + figures;
        }
        var mismatch = chain.firstMismatch();
        return "BROKEN  " + name + ": first record that does not fit: seq " + mismatch.seq()
                + (mismatch.recordId() == null ? "" : " (record " + mismatch.recordId() + ")") + ": " + mismatch.reason()
                + "; " + figures;
    }
}
