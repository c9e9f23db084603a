package org.opencps.client.env;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The environment variables a command reads (server address, token, activation code). The top
 * command holds them; subcommands reach them through their command spec, so that they need not
 * know the top command.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The environment of the command line that runs this command. */
    public static Environment of(CommandSpec spec) {
        return ((Holder) spec.root().userObject()).environment();
    }

    /** A variable's value; empty ones count as absent. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Implemented by the top command. */
    public interface Holder {
        Environment environment();
    }
}
