package org.opencps.identity.internal.sso;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * TXT records through the JDK's DNS client (JNDI). It asks the resolvers of the host (/etc/resolv.conf), or the one
 * server {@code opencps.sso.dns-server} names (host:port), e.g. a validating resolver the operator trusts. The JNDI
 * DNS client keeps no cache, so a record the admin just published is seen as soon as the resolver sees it.
 */
@Component
class JndiTxtRecords implements TxtRecords {

    private final String providerUrl;

    JndiTxtRecords(@Value("${opencps.sso.dns-server:}") String server) {
        this.providerUrl = server.isBlank() ? "dns:" : "dns://" + server.strip();
    }

    @Override
    public List<String> lookup(String name) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, providerUrl);
        environment.put("com.sun.jndi.dns.timeout.initial", "2000");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        InitialDirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attributes attributes = context.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(joined(String.valueOf(values.next())));
                }
            }
            return records;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new LookupFailed(name, e);
        } finally {
            close(context);
        }
    }

    /** JNDI gives a record of several character-strings as {@code "a" "b"}; a record of one without quotes. */
    static String joined(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder joined = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (c == '\\' && inside && i + 1 < value.length()) {
                joined.append(value.charAt(++i));
            } else if (inside) {
                joined.append(c);
            }
        }
        return joined.toString();
    }

    private static void close(InitialDirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing held open for a DNS context
            }
        }
    }
}
