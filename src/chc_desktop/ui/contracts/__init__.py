"""Family-doctor contracts (家庭医生签约): the resident's 签约 tab and its dialogs."""
