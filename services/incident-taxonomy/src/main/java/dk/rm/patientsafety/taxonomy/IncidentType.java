package dk.rm.patientsafety.taxonomy;

/**
 * The incident types of docs/incident-taxonomy.md: WHO ICPS incident types, mapped to the AHRQ Common Formats
 * event category and to the Danish national main group (hovedgruppe) reporters most often choose for them.
 *
 * <p>The national code list is not public, so {@link #mainGroup()} is indicative: it is the name shown to
 * people, while the classifier matches the many names reporters actually write through
 * {@code taxonomy/structured-rules.json}.
 */
public enum IncidentType {

    /** Wrong, omitted or delayed medicine or IV fluid: drug, dose, route, time, patient; any ATC code except blood and gases. */
    MEDICATION("Medication / IV fluids", "Medication or other substance", "Medicinering"),
    /** The patient fell, slipped or was found on the floor, whatever caused it (a fall after a sedative is a fall). */
    PATIENT_ACCIDENT_FALL("Patient accidents (falls)", "Fall", "Fald"),
    /** An infection acquired in care: sepsis, MRSA, CPO, urinary tract or wound infection, spread of infection. */
    HEALTHCARE_ASSOCIATED_INFECTION("Healthcare-associated infection", "Healthcare-associated infection", "Infektioner"),
    /** A pressure injury arose or worsened (tryksår, liggesår, decubitus, redness on a heel). */
    PRESSURE_ULCER("Clinical process/procedure (pressure injury)", "Pressure ulcer", "Tryksår"),
    /** The device itself failed or was unavailable (pump, monitor, catheter as equipment); a misprogrammed pump is medication. */
    MEDICAL_DEVICE("Medical device/equipment", "Device or medical/surgical supply, incl. health IT", "Medicinsk udstyr"),
    /** Blood transfusion or blood products (SAG, plasma, platelets): wrong blood type, bag, patient; ATC B05A. */
    BLOOD_PRODUCTS("Blood/blood products", "Blood or blood product", "Blod"),
    /** Diagnosis, assessment, treatment or surgery went wrong: delayed or missed diagnosis, wrong side, results not followed up. */
    CLINICAL_PROCESS("Clinical process/procedure (diagnosis, assessment, treatment, surgery)", "Surgery or anesthesia / Other",
            "Behandling og pleje"),
    /** Handover, referral, admission, transfer, discharge or patient identification failed (often across sectors). */
    CLINICAL_ADMINISTRATION("Clinical administration (handover, referral, admission, discharge, identification)", "Other",
            "Sektorovergange / Kommunikation"),
    /** Records were missing, wrong or not updated: journal, notes, FMK (shared medication record) not updated. */
    DOCUMENTATION("Documentation", "Other (incl. health IT documentation)", "Dokumentation"),
    /** Nutrition went wrong: tube feeding, diet, aspiration (fejlsynkning), missed meals. */
    NUTRITION("Nutrition", "Other", "Ernæring"),
    /** Oxygen or medical gas: empty cylinder, oxygen not connected or wrong flow; ATC V03AN. */
    OXYGEN_GAS("Oxygen/gas/vapour", "Other", "Ilt og medicinske gasser"),
    /** Behaviour of patient or staff: violence, aggression, threats, self-harm, suicide attempt, absconding. */
    BEHAVIOUR("Behaviour (patient or staff: aggression, self-harm, absconding)", "Other", "Adfærd"),
    /** Buildings, fixtures and facilities failed: power cut, water damage, lift, fire, facility IT outage. */
    INFRASTRUCTURE("Infrastructure/building/fixtures", "Other", "Bygninger og inventar"),
    /** Resources or organisation were short: workload, understaffing, no beds, waiting times. */
    RESOURCES_ORGANISATION("Resources/organisational management", "Other", "Organisation og ressourcer"),
    /** None of the above, or the evidence is absent or tied: a caseworker decides. */
    OTHER("(none of the above)", "Other", "Andet");

    private final String icpsIncidentType;
    private final String ahrqCategory;
    private final String mainGroup;

    IncidentType(String icpsIncidentType, String ahrqCategory, String mainGroup) {
        this.icpsIncidentType = icpsIncidentType;
        this.ahrqCategory = ahrqCategory;
        this.mainGroup = mainGroup;
    }

    /** The WHO ICPS incident type this type belongs to. */
    public String icpsIncidentType() {
        return icpsIncidentType;
    }

    /** The AHRQ Common Formats event category. */
    public String ahrqCategory() {
        return ahrqCategory;
    }

    /** The indicative Danish national main group (hovedgruppe). */
    public String mainGroup() {
        return mainGroup;
    }
}
