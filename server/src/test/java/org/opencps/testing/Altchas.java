package org.opencps.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Solves a proof-of-work challenge the way the ALTCHA widget does, for tests of the forms that need one. */
public final class Altchas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Altchas() {
    }

    public static String solve(String challengeJson) throws Exception {
        JsonNode challenge = JSON.readTree(challengeJson);
        Altcha.Solution found = Altcha.solveChallenge(challenge.get("challenge").asString(), challenge.get("salt").asString(),
                Altcha.Algorithm.fromString(challenge.get("algorithm").asString()), challenge.get("maxnumber").asLong(), 0);
        Map<String, Object> solution = new LinkedHashMap<>();
        solution.put("algorithm", challenge.get("algorithm").asString());
        solution.put("challenge", challenge.get("challenge").asString());
        solution.put("number", found.number);
        solution.put("salt", challenge.get("salt").asString());
        solution.put("signature", challenge.get("signature").asString());
        solution.put("took", found.took);
        return Base64.getEncoder().encodeToString(JSON.writeValueAsString(solution).getBytes(StandardCharsets.UTF_8));
    }
}
