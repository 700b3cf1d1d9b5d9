package dev.herald.example.boot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The site's own sign-in, which Herald's console relies on: readers see every page signed out;
 * staff sign in to reach the console, and their roles (STAFF, MARKETING) become console roles
 * through {@code herald.console.roles.*} in application.properties.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    /** Creates the configuration. */
    public SecurityConfig() {}

    /**
     * The console needs a signed-in user; everything else is public. Spring Security's own CSRF
     * check is left off the console, which checks its own form token (and the Origin) on every
     * change, and off the share endpoint, whose only form (the Mastodon server chooser) changes nothing.
     */
    @Bean
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/herald/console/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/herald/console/**", "/herald/share/**"));
        return http.build();
    }

    /**
     * Two members of staff, for the example: a real site keeps its users in its own store (a table,
     * LDAP, an identity provider). Passwords are bcrypt hashes, never plain text in the code.
     */
    @Bean
    UserDetailsService staff() {
        return new InMemoryUserDetailsManager(
                // password: harbour-editor-pass
                User.withUsername("mara").password("{bcrypt}$2a$10$gPHALezCukkYuNV36jazYexKYbU7oeyiBKCJfn3UdRKMifeh1Jrn.")
                        .roles("STAFF", "MARKETING").build(),
                // password: harbour-viewer-pass
                User.withUsername("sam").password("{bcrypt}$2a$10$mNiChRqtq4e30Q/tu4Ynpe5hvv6/dip2H6JQiE6zHveBo2eVKvKLy")
                        .roles("STAFF").build());
    }
}
