//! Document and email templates, their merge fields, and the letterhead.

use crate::error::Result;
use crate::records::{
    DocumentTemplate, Letterhead, NewTemplate, OutputFormat, TemplateKind, TemplatePart,
};

service_object! {
    /// Templates are firm data, versioned like rule packs: built-in defaults (`invoice`,
    /// `statement`, `client_care_letter`, `matter_report`, `cover_email`) and the firm's own
    /// versions. Installing, retiring and the letterhead need `manage_firm`; a template naming a
    /// merge field the model does not have is refused at install (`Template`, field named).
    TemplateService
}

#[uniffi::export]
impl TemplateService {
    /// The current version of every template, built-in and installed, in id order.
    pub fn list(&self) -> Result<Vec<DocumentTemplate>> {
        Ok(self.session.templates().list()?)
    }

    /// Every version of template `id`, lowest first.
    pub fn versions(&self, id: String) -> Result<Vec<DocumentTemplate>> {
        Ok(self.session.templates().versions(&id)?)
    }

    /// Template `id` at `version` (the current one when null).
    pub fn get(&self, id: String, version: Option<u32>) -> Result<DocumentTemplate> {
        Ok(self.session.templates().get(&id, version)?)
    }

    /// The merge fields a template of `kind` may name (`matter.number`, `bill.lines[].net`, …).
    pub fn fields(&self, kind: TemplateKind) -> Vec<String> {
        self.session.templates().fields(kind)
    }

    /// Checks a template without installing it.
    pub fn check(&self, new: NewTemplate) -> Result<DocumentTemplate> {
        Ok(self.session.templates().check(new)?)
    }

    /// Installs a template version (above every version of the same id).
    pub fn install(&self, new: NewTemplate) -> Result<DocumentTemplate> {
        Ok(self.session.templates().install(new)?)
    }

    /// Installs a template written as TOML (the fields of `NewTemplate`, at most 1 MiB).
    pub fn install_toml(&self, toml: String) -> Result<DocumentTemplate> {
        let new = lexcase::templates::NewTemplate::from_toml(&toml)?;
        Ok(self.session.templates().install(new)?)
    }

    /// Retires template `id`: it renders no new documents (kept bill renderings still reprint).
    pub fn retire(&self, id: String) -> Result<DocumentTemplate> {
        Ok(self.session.templates().retire(&id)?)
    }

    /// Renders template `id` with the sample model of its kind (invented people and figures).
    pub fn preview(
        &self,
        id: String,
        version: Option<u32>,
        format: OutputFormat,
    ) -> Result<Vec<u8>> {
        Ok(self.session.templates().preview(&id, version, format)?)
    }

    /// Renders one part of template `id` (an email's subject, say) with the sample model.
    pub fn preview_part(
        &self,
        id: String,
        version: Option<u32>,
        part: TemplatePart,
    ) -> Result<Vec<u8>> {
        Ok(self.session.templates().preview_part(&id, version, part)?)
    }

    /// The firm's letterhead (empty, version 0, until set).
    pub fn letterhead(&self) -> Result<Letterhead> {
        Ok(self.session.templates().letterhead()?)
    }

    /// Saves the letterhead, based on its `version` (else `StaleVersion`).
    pub fn set_letterhead(&self, letterhead: Letterhead) -> Result<Letterhead> {
        Ok(self.session.templates().set_letterhead(letterhead)?)
    }
}
