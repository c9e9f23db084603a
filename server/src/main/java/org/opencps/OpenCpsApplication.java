package org.opencps;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Logins are OpenCPS's own (identity module): no generated in-memory user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class OpenCpsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit-verify")) {
            System.exit(verifyAudit(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(OpenCpsApplication.class, args);
    }

    /**
     * The operator's check of the audit chains: the server starts on the same settings (database,
     * master key), listening only on a free loopback port, verifies every chain, and exits with 0
     * when all are intact and 2 when one is not (audit/internal/verification/VerifyCommand).
     */
    private static int verifyAudit(String[] args) {
        String[] forced = {"--opencps.audit.command=verify", "--server.port=0", "--server.address=127.0.0.1"};
        String[] all = Arrays.copyOf(args, args.length + forced.length);
        System.arraycopy(forced, 0, all, args.length, forced.length);
        return SpringApplication.exit(SpringApplication.run(OpenCpsApplication.class, all));
    }
}
