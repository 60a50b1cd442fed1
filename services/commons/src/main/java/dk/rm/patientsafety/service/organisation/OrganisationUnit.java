package dk.rm.patientsafety.service.organisation;

/** One unit of the organisation register (SOR): a department, hospital, municipality, practice, pharmacy or the region. */
public record OrganisationUnit(String sorCode, String name, Kind kind, Sector sector, String parentSorCode) {

    /** What sort of unit it is. */
    public enum Kind { REGION, HOSPITAL, DEPARTMENT, MUNICIPALITY, MUNICIPAL_UNIT, GENERAL_PRACTICE, PHARMACY, PREHOSPITAL, TEAM }

    /** The sector a unit belongs to; an incident spanning two sectors is a cross-sector incident. */
    public enum Sector { HOSPITAL, MUNICIPALITY, GENERAL_PRACTICE, PHARMACY, PREHOSPITAL, REGION }
}
