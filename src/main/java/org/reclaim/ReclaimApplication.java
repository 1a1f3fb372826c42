package org.reclaim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReclaimApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReclaimApplication.class, args);
    }
}
