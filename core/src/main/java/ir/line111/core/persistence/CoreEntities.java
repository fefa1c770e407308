package ir.line111.core.persistence;

import ir.line111.core.persistence.entity.AgencyEntity;
import ir.line111.core.persistence.entity.CallEntity;
import ir.line111.core.persistence.entity.CallStepEntity;
import ir.line111.core.persistence.entity.CaseEntity;
import ir.line111.core.persistence.entity.CaseEventEntity;
import ir.line111.core.persistence.entity.CaseFlagEntity;
import ir.line111.core.persistence.entity.HolidayEntity;
import ir.line111.core.persistence.entity.SettingEntity;
import ir.line111.core.persistence.entity.UserEntity;

import java.util.List;

/** Core's own entities, contributed through the same SPI as every other module's. */
public final class CoreEntities implements EntityContributor {
    @Override
    public List<Class<?>> entityClasses() {
        return List.of(CaseEntity.class, CaseEventEntity.class, CallEntity.class, CallStepEntity.class,
                AgencyEntity.class, UserEntity.class, HolidayEntity.class, SettingEntity.class,
                CaseFlagEntity.class);
    }
}
