plugins {
    java
    jacoco
}

repositories { mavenCentral() }

dependencies { testImplementation("org.junit.jupiter:junit-jupiter:5.14.4") }

tasks.test { useJUnitPlatform() }
