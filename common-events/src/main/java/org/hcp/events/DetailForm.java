package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * R1.2 (SC, JC Art.14): the detail form an online rating may carry. Every answer is optional; null means not
 * answered, which is not the same as "no".
 *
 * @param guidanceClear        办事指南是否清晰
 * @param procedureConvenient  办理流程是否便捷
 * @param materialsStreamlined 申请材料是否精简
 * @param interfaceFriendly    办事界面是否友好
 * @param suggestions          意见建议, free text
 */
public record DetailForm(Boolean guidanceClear, Boolean procedureConvenient, Boolean materialsStreamlined,
        Boolean interfaceFriendly, String suggestions) {

    /** True when nothing was answered: such a form is not recorded. */
    @JsonIgnore
    public boolean isEmpty() {
        return guidanceClear == null && procedureConvenient == null && materialsStreamlined == null
                && interfaceFriendly == null && (suggestions == null || suggestions.isBlank());
    }
}
